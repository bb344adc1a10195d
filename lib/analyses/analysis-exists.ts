// A cheap existence check, so pages can answer 404 before they start streaming the heavy part.
import "server-only";
import { prisma } from "../db";

export async function analysisExists(slug: string): Promise<boolean> {
  return (await prisma.analysis.count({ where: { slug } })) > 0;
}
