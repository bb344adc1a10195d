import { expect, test } from "@playwright/test";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";

const REPORT = `# Model Response Failures Analysis

This document analyzes the MODEL_RESPONSE for task 101888001 (Pulumi TypeScript upload journey).

## Summary

- Total failures: 2 Critical, 0 High, 0 Medium, 0 Low

## Critical Failures

### 1. Upload journey bucket left public

**Impact Level**: Critical

**MODEL_RESPONSE Issue**:
\`\`\`typescript
const bucket = new aws.s3.Bucket("data", { acl: "public-read" });
\`\`\`

**IDEAL_RESPONSE Fix**:
\`\`\`typescript
const bucket = new aws.s3.Bucket("data", { acl: "private" });
\`\`\`

**Root Cause**: The model copied an example meant for static websites.

## Training Quality Score: 6/10
`;

test("an admin uploads a report in the browser, sees its warnings and opens it", async ({ page, request }) => {
  await page.goto("/upload");
  await expect(page.getByRole("heading", { name: "Upload analyses" })).toBeVisible();
  const submit = page.getByRole("button", { name: /Upload/ });
  await expect(submit).toBeDisabled();

  await page.getByLabel("Admin token").fill("wrong-token");
  await page.locator('input[type="file"]').setInputFiles({ name: "journey.md", mimeType: "text/markdown", buffer: Buffer.from(REPORT) });
  await expect(page.getByText("journey.md")).toBeVisible();
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: "token" })).toHaveText("The admin token was not accepted.");

  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.locator('input[type="file"]').setInputFiles({ name: "journey.md", mimeType: "text/markdown", buffer: Buffer.from(REPORT) });
  await page.getByRole("button", { name: /Upload/ }).click();
  const results = page.getByRole("list", { name: "Upload results" });
  await expect(results).toContainText("journey.md — added");
  // The summary declares two critical failures but lists one: the warning is shown with its line.
  await expect(results).toContainText(/line \d+: .*critical/i);
  await page.screenshot({ path: "e2e/screenshots/upload.png", fullPage: true });

  await results.getByRole("link", { name: /open/ }).click();
  await expect(page).toHaveURL(/\/analyses\/101888001/);
  await expect(page.getByText("Upload journey bucket left public").first()).toBeVisible();
  await deleteAnalyses(request, ["101888001"]);
});
