/**
 * A LanguageModel for tests, injected through the runtime's `model` option: the offline model, except that
 * prompts mentioning `slowCity` wait `slowMs` first and prompts mentioning `failingCity` fail like a provider
 * returning HTTP 503.
 */
import {
  createOffline,
  type GenerateRequest,
  type LanguageModel,
  LLMAPICallError,
  type StreamPart,
} from "@dana-gateway/llm-pool";

export interface ScriptedModelOptions {
  slowCity: string;
  slowMs: number;
  failingCity: string;
}

function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export function createScriptedModel(options: ScriptedModelOptions): LanguageModel & { calls: number } {
  const offline = createOffline({ model: "default" });
  const failure = () =>
    new LLMAPICallError({ message: "Service Unavailable", statusCode: 503, url: "http://model.test/v1" });
  const model = {
    provider: "test",
    modelId: "test:scripted" as const,
    calls: 0,
    async generate(request: GenerateRequest) {
      model.calls++;
      if (request.prompt.includes(options.failingCity)) throw failure();
      if (request.prompt.includes(options.slowCity)) await sleep(options.slowMs, request.signal);
      return offline.generate(request);
    },
    async *stream(request: GenerateRequest): AsyncGenerator<StreamPart> {
      model.calls++;
      if (request.prompt.includes(options.failingCity)) {
        yield { type: "error", error: failure() };
        return;
      }
      if (request.prompt.includes(options.slowCity)) await sleep(options.slowMs, request.signal);
      yield* offline.stream(request);
    },
  };
  return model;
}
