/** npm run docs:authz: writes docs/authorization-matrix.md from tests/support/authz-registry.ts (decision 024). */
import fs from "node:fs";
import path from "node:path";
import { renderMatrix } from "../tests/support/authz-matrix";

const file = path.resolve(import.meta.dirname, "../docs/authorization-matrix.md");
fs.writeFileSync(file, renderMatrix());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
