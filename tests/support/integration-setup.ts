import { afterAll, beforeAll } from "vitest";
import { closeDb, installDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./test-db";

// Every integration test file runs on its own fresh, migrated database; the app's
// `db` client points at it.
let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  installDb(database.handle);
});

afterAll(async () => {
  await closeDb();
  await database?.drop();
});
