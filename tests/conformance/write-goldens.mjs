// `npm run golden`: rewrites golden/*.json from what the pinned SDK sends now, and removes files of cases that
// no longer exist. Review the diff before committing: a change is a change in the wire protocol.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { captureGoldens, committedGoldens, goldenFolder, writeGoldens } from "./support/golden.mjs";

const documents = await captureGoldens();
for (const file of committedGoldens().keys()) {
  if (!documents.has(file)) rmSync(join(goldenFolder, file));
}
writeGoldens(documents);
console.log(`${documents.size} golden requests written to ${goldenFolder}`);
