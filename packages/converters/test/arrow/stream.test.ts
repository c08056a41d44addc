/** Streaming keeps at most one batch in flight: the next batch is pulled only after the call on the last one. */
import { Int32, type RecordBatch, Table, vectorFromArray } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { batchesOf, reduceBatches, streamBatches } from "../../src/arrow/stream.js";

const table = new Table({
  n: vectorFromArray(
    Array.from({ length: 10 }, (_, index) => index),
    new Int32(),
  ),
});

describe("batch streaming", () => {
  it("pulls each batch only after the previous call finished", async () => {
    const events: string[] = [];
    async function* source(): AsyncGenerator<Table | RecordBatch> {
      for (const [index, batch] of [...batchesOf(table, 4)].entries()) {
        events.push(`pull ${index}`);
        yield batch;
      }
    }
    const results: number[] = [];
    for await (const rows of streamBatches(async (batch) => {
      events.push(`call ${batch.numRows}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      events.push("done");
      return batch.numRows;
    }, source())) {
      results.push(rows);
    }
    expect(results).toEqual([4, 4, 2]);
    expect(events).toEqual(["pull 0", "call 4", "done", "pull 1", "call 4", "done", "pull 2", "call 2", "done"]);
  });

  it("folds with a state and stops when the signal aborts", async () => {
    const total = await reduceBatches((sum, batch) => sum + batch.numRows, batchesOf(table, 3), 0);
    expect(total).toBe(10);
    const controller = new AbortController();
    const folding = reduceBatches(
      (sum, batch) => {
        controller.abort(new Error("stop"));
        return sum + batch.numRows;
      },
      batchesOf(table, 3),
      0,
      { signal: controller.signal },
    );
    await expect(folding).rejects.toThrow("stop");
  });

  it("slices without copying and rejects a batch size that is not a positive integer", () => {
    const [first] = batchesOf(table, 5);
    expect(first!.getChildAt(0)!.data[0]!.values.buffer).toBe(table.getChildAt(0)!.data[0]!.values.buffer);
    expect(() => [...batchesOf(table, 0)]).toThrow(RangeError);
  });
});
