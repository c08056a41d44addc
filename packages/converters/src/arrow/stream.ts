/**
 * Large data as a stream of record batches, with bounded memory: each batch goes to the function (typically a
 * Dana function, in any isolation mode) and the next batch is pulled only after that call finished, so at most
 * one batch and one result are alive at a time — whatever the source's total size (e.g. a
 * `RecordBatchReader` over a file or a network stream).
 */
import { type RecordBatch, Table } from "apache-arrow";

type Batch = RecordBatch | Table;
type BatchSource = AsyncIterable<Batch> | Iterable<Batch>;

export interface StreamOptions {
  /** Stops pulling batches; the pending call finishes and the stream rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Calls `fn(batch)` for each batch, in order, one at a time, and yields what it returns. */
export async function* streamBatches<Result>(
  fn: (batch: Batch) => PromiseLike<Result> | Result,
  batches: BatchSource,
  options: StreamOptions = {},
): AsyncGenerator<Awaited<Result>> {
  for await (const batch of batches) {
    options.signal?.throwIfAborted();
    yield await fn(batch);
  }
  options.signal?.throwIfAborted();
}

/**
 * Folds the batches with `fn(state, batch)` — in Dana, `def step(state: dict, batch) -> dict` — starting from
 * `initial`, one batch at a time; returns the last state.
 */
export async function reduceBatches<State>(
  fn: (state: State, batch: Batch) => PromiseLike<State> | State,
  batches: BatchSource,
  initial: State,
  options: StreamOptions = {},
): Promise<State> {
  let state = initial;
  for await (const batch of batches) {
    options.signal?.throwIfAborted();
    state = await fn(state, batch);
  }
  options.signal?.throwIfAborted();
  return state;
}

/** Splits a table into record batches of at most `rowsPerBatch` rows (zero-copy slices), e.g. to stream it. */
export function* batchesOf(table: Table, rowsPerBatch: number): Generator<Table> {
  if (!Number.isInteger(rowsPerBatch) || rowsPerBatch < 1) {
    throw new RangeError(`Expected a positive integer, got ${rowsPerBatch} at argument 'rowsPerBatch'`);
  }
  for (let start = 0; start < table.numRows; start += rowsPerBatch) yield table.slice(start, start + rowsPerBatch);
  if (table.numRows === 0) yield new Table(table.schema);
}
