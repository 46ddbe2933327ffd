// The OpenAPI document is valid OpenAPI 3.1 and describes exactly the routes under app/api/v1: every
// route file's path and methods are in it, and every path in it has a route file.
import { readdirSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { problemCatalog } from "@/lib/api/problem";

const root = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/users/[userId]/connections/route.ts → /users/{userId}/connections */
const openApiPath = (file: string) =>
  `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");

describe("OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(openApiDocument) as never);
    expect(result.valid ? "valid" : compileErrors(result)).toBe("valid");
    expect(openApiDocument.openapi).toBe("3.1.0");
    // The validator does check: a document with a broken reference fails.
    const broken = structuredClone(openApiDocument) as { components: { responses: Record<string, unknown> } };
    delete broken.components.responses.Problem;
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("has exactly the paths and methods the route files export", async () => {
    const fromFiles: Record<string, string[]> = {};
    for (const file of routeFiles()) {
      const handlers = await import(file);
      fromFiles[openApiPath(file)] = METHODS.filter((method) => typeof handlers[method] === "function").map((m) => m.toLowerCase()).sort();
    }
    const fromDocument = Object.fromEntries(
      Object.entries(openApiDocument.paths).map(([route, operations]) => [route, Object.keys(operations).sort()]),
    );
    expect(fromDocument).toEqual(fromFiles);
    expect(Object.keys(fromFiles).length).toBeGreaterThanOrEqual(4);
  });

  it("names every problem code the API can answer with", () => {
    expect(openApiDocument.components.schemas.Problem.properties.code.enum).toEqual(Object.keys(problemCatalog));
  });
});
