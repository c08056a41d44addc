/** A `LanguageModel` that records its requests and answers from a function: no network, deterministic. */
import type { GenerateRequest, GenerateResult, LanguageModel, StreamPart } from "@dana-gateway/llm-pool";

export interface FakeModel extends LanguageModel {
  readonly requests: GenerateRequest[];
}

export function createFakeModel(
  answer: (request: GenerateRequest) => string | unknown = () => "fake answer",
): FakeModel {
  const requests: GenerateRequest[] = [];
  return {
    provider: "fake",
    modelId: "fake:model",
    requests,
    async generate(request): Promise<GenerateResult> {
      requests.push(request);
      const reply = answer(request);
      const json = request.format === "json" || request.schema !== undefined;
      const text = typeof reply === "string" ? reply : JSON.stringify(reply);
      return {
        text,
        ...(json ? { value: typeof reply === "string" ? JSON.parse(reply) : reply } : {}),
        usage: { inputTokens: 1, outputTokens: 1 },
        model: "fake:model",
        finishReason: "stop",
      };
    },
    async *stream(): AsyncIterable<StreamPart> {
      yield { type: "text-end", text: "" };
    },
  };
}
