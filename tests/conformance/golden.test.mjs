// The committed golden requests still match what the pinned SDK sends; `npm run golden` rewrites them.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { captureGoldens, committedGoldens } from "./support/golden.mjs";
import { goldenCases } from "./support/golden-cases.mjs";

describe("golden requests", () => {
  let sent;
  let committed;
  before(async () => {
    sent = await captureGoldens();
    committed = committedGoldens();
  });

  for (const { name } of goldenCases) {
    test(`${name}.json is what the SDK sends`, () => {
      const file = `${name}.json`;
      assert.ok(committed.has(file), `golden/${file} is missing: run npm run golden`);
      assert.deepEqual(committed.get(file), sent.get(file), `golden/${file} differs from what the SDK sends: run npm run golden and review the diff`);
    });
  }

  test("every golden file has a case that produces it", () => {
    const stale = [...committed.keys()].filter((file) => !sent.has(file));
    assert.deepEqual(stale, [], "golden files without a case in support/golden-cases.mjs");
  });
});
