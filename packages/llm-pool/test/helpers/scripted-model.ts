import type { GenerateRequest, GenerateResult, LanguageModel, StreamPart } from "../../src/index.js";
import { LLMAPICallError } from "../../src/index.js";

/**
 * An in-memory model whose calls finish only when the test says so, and
 * which records how many calls overlap: enough to test the pool exactly,
 * without HTTP and without timing.
 */
export class ScriptedModel implements LanguageModel {
  readonly provider = "scripted";
  readonly modelId = "scripted:test" as const;
  running = 0;
  maximumRunning = 0;
  readonly pending: { resolve: (text: string) => void; reject: (error: unknown) => void }[] = [];

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.running++;
    this.maximumRunning = Math.max(this.maximumRunning, this.running);
    try {
      const text = await new Promise<string>((resolve, reject) => {
        this.pending.push({ resolve, reject });
        request.signal?.addEventListener("abort", () => reject(request.signal?.reason), { once: true });
      });
      return { text, usage: { inputTokens: 1, outputTokens: 2 }, model: this.modelId, finishReason: "stop" };
    } finally {
      this.running--;
    }
  }

  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart> {
    const result = await this.generate(request);
    yield { type: "text-delta", text: result.text };
    yield { type: "text-end", text: result.text };
    yield { type: "usage", usage: result.usage };
  }

  /** Finishes the oldest pending call. */
  finish(text = "done"): void {
    this.pending.shift()?.resolve(text);
  }

  fail(): void {
    this.pending.shift()?.reject(new LLMAPICallError({ message: "scripted failure", statusCode: 500 }));
  }
}

/** A model that answers (or fails) on the next microtask, chosen by a seeded random source. */
export class FlakyModel implements LanguageModel {
  readonly provider = "flaky";
  readonly modelId = "flaky:test" as const;
  running = 0;
  maximumRunning = 0;

  constructor(private readonly random: () => number) {}

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.running++;
    this.maximumRunning = Math.max(this.maximumRunning, this.running);
    try {
      const hops = Math.floor(this.random() * 4);
      for (let hop = 0; hop < hops; hop++) await Promise.resolve();
      request.signal?.throwIfAborted();
      if (this.random() < 0.2) throw new LLMAPICallError({ message: "random fault", statusCode: 503 });
      if (this.random() < 0.05) throw new TypeError("random non-LLM fault");
      return { text: "ok", usage: { inputTokens: 1, outputTokens: 1 }, model: this.modelId, finishReason: "stop" };
    } finally {
      this.running--;
    }
  }

  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart> {
    const result = await this.generate(request);
    yield { type: "text-delta", text: "o" };
    yield { type: "text-delta", text: "k" };
    yield { type: "text-end", text: result.text };
    yield { type: "usage", usage: result.usage };
  }
}

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
