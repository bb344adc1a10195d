// Loads rows by id in chunks (SQLite caps bound parameters per statement) and returns them in the
// order of the ids, which come from a SQL query that already filtered and sorted them.
export async function inIdOrder<T extends { id: number }>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const byId = new Map<number, T>();
  for (let i = 0; i < ids.length; i += 500) for (const row of await load(ids.slice(i, i + 500))) byId.set(row.id, row);
  return ids.flatMap((id) => byId.get(id) ?? []);
}
