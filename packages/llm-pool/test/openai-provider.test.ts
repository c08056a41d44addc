import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createOllama,
  createOpenAI,
  LLMAbortError,
  LLMAPICallError,
  LLMTimeoutError,
  type StreamPart,
  StructuredOutputError,
} from "../src/index.js";
import { type FakeServer, startFakeServer, unusedPort } from "./helpers/fake-server.js";
import { sendChatCompletion, sendOpenAIError, streamChatCompletion } from "./helpers/openai-wire.js";

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer((_request, response) => sendChatCompletion(response, "unused"));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function model(options: { maxRetries?: number; timeoutMs?: number } = {}) {
  return createOpenAI({
    apiKey: "test-key",
    baseURL: `${server.origin}/v1`,
    model: "gpt-4o-mini",
    env: {},
    ...options,
  });
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

describe("OpenAI-compatible provider over real HTTP", () => {
  it("sends a chat completion and maps text, usage and finish reason", async () => {
    server.handle((_request, response) => sendChatCompletion(response, "Kyoto in autumn."));
    const result = await model().generate({ prompt: "Where?", system: "Be brief.", temperature: 0.2, maxTokens: 50 });
    expect(result).toEqual({
      text: "Kyoto in autumn.",
      usage: { inputTokens: 11, outputTokens: 7 },
      model: "openai:gpt-4o-mini",
      finishReason: "stop",
    });
    const [request] = server.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.headers.authorization).toBe("Bearer test-key");
    expect(request?.body).toMatchObject({
      model: "gpt-4o-mini",
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Where?" },
      ],
    });
  });

  it("streams SSE chunks as text-delta, text-end and usage parts", async () => {
    server.handle((request, response) => {
      expect(request.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      streamChatCompletion(response, ["Hel", "lo", "!"]);
    });
    const parts = await collect(model().stream({ prompt: "Say hello" }));
    expect(parts).toEqual([
      { type: "text-delta", text: "Hel" },
      { type: "text-delta", text: "lo" },
      { type: "text-delta", text: "!" },
      { type: "text-end", text: "Hello!" },
      { type: "usage", usage: { inputTokens: 9, outputTokens: 3 } },
    ]);
  });

  it("retries a 429 after the server's retry-after, through the SDK", async () => {
    server.handle((_request, response, index) =>
      index === 0
        ? sendOpenAIError(response, 429, "Rate limit reached", { "retry-after": "0.05" })
        : sendChatCompletion(response, "after the wait"),
    );
    const result = await model().generate({ prompt: "hi" });
    expect(result.text).toBe("after the wait");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers["x-stainless-retry-count"]).toBe("1");
  });

  it("waits as long as retry-after says: a 30 s retry-after outlasts a 1 s call deadline", async () => {
    server.handle((_request, response) => sendOpenAIError(response, 429, "slow down", { "retry-after": "30" }));
    const error = await model()
      .generate({ prompt: "hi", timeoutMs: 1000 })
      .catch((caught: unknown) => caught);
    expect(LLMTimeoutError.isInstance(error)).toBe(true);
    // Without retry-after the SDK would retry within 0.5 s (twice within 1.5 s); with it, no second request.
    // At most one, not exactly one: a very loaded machine may not even have sent the first one in time.
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });

  it("retries a streamed request that fails before its first byte", async () => {
    server.handle((_request, response, index) =>
      index === 0
        ? sendOpenAIError(response, 429, "busy", { "retry-after": "0.01" })
        : streamChatCompletion(response, ["ok"]),
    );
    const parts = await collect(model().stream({ prompt: "hi" }));
    expect(parts.map((part) => part.type)).toEqual(["text-delta", "text-end", "usage"]);
    expect(server.requests).toHaveLength(2);
  });

  it("ends a stream at its deadline even while the SDK waits out a long retry-after", async () => {
    server.handle((_request, response) => sendOpenAIError(response, 429, "slow down", { "retry-after": "30" }));
    const parts = await collect(model().stream({ prompt: "hi", timeoutMs: 1000 }));
    expect(parts).toHaveLength(1);
    expect(LLMTimeoutError.isInstance((parts[0] as { error: unknown }).error)).toBe(true);
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });

  it("retries a 500 with backoff and then succeeds", async () => {
    server.handle((_request, response, index) =>
      index === 0 ? sendOpenAIError(response, 500, "boom") : sendChatCompletion(response, "recovered"),
    );
    const result = await model().generate({ prompt: "hi" });
    expect(result.text).toBe("recovered");
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after maxRetries (2) and reports status, url and body", async () => {
    server.handle((_request, response) => sendOpenAIError(response, 503, "overloaded", { "retry-after-ms": "1" }));
    const error = await model()
      .generate({ prompt: "hi" })
      .catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(3);
    expect(LLMAPICallError.isInstance(error)).toBe(true);
    const apiError = error as LLMAPICallError;
    expect(apiError.statusCode).toBe(503);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.url).toBe(`${server.origin}/v1/chat/completions`);
    expect(apiError.responseBody).toContain("overloaded");
  });

  it("does not retry a 400 and marks it not retryable", async () => {
    server.handle((_request, response) => sendOpenAIError(response, 400, "bad request"));
    const error = await model()
      .generate({ prompt: "hi" })
      .catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(1);
    expect((error as LLMAPICallError).statusCode).toBe(400);
    expect((error as LLMAPICallError).isRetryable).toBe(false);
  });

  it("times out a call whose server never answers", async () => {
    server.handle(() => {
      // Never respond.
    });
    const error = await model()
      .generate({ prompt: "hi", timeoutMs: 100 })
      .catch((caught: unknown) => caught);
    expect(LLMTimeoutError.isInstance(error)).toBe(true);
    expect((error as LLMTimeoutError).timeoutMs).toBe(100);
    // On a loaded machine the deadline may pass before the request is even sent; if it was sent, it is cancelled.
    if (server.requests.length > 0) await server.closed(0);
  });

  it("uses the SDK's per-attempt timeout when the call has none", async () => {
    server.handle(() => {});
    const error = await model({ timeoutMs: 50, maxRetries: 0 })
      .generate({ prompt: "hi" })
      .catch((caught: unknown) => caught);
    expect(LLMTimeoutError.isInstance(error)).toBe(true);
  });

  it("aborts a call when its signal fires and closes the connection", async () => {
    const controller = new AbortController();
    server.handle(() => controller.abort(new Error("user left")));
    const error = await model()
      .generate({ prompt: "hi", signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(LLMAbortError.isInstance(error)).toBe(true);
    await server.closed(0);
  });

  it("reports a refused connection as a retryable LLMAPICallError without status", async () => {
    const port = await unusedPort();
    const refused = createOpenAI({ apiKey: "k", baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0, env: {} });
    const error = await refused.generate({ prompt: "hi" }).catch((caught: unknown) => caught);
    expect(LLMAPICallError.isInstance(error)).toBe(true);
    expect((error as LLMAPICallError).statusCode).toBeUndefined();
    expect((error as LLMAPICallError).isRetryable).toBe(true);
    expect((error as LLMAPICallError).message).toContain(`127.0.0.1:${port}`);
  });

  it("asks for JSON mode with the schema and returns the validated value", async () => {
    server.handle((_request, response) => sendChatCompletion(response, '{"city":"Kyoto","days":3}'));
    const schema = z.object({ city: z.string(), days: z.number().int() });
    const result = await model().generate({ prompt: "Plan", schema });
    expect(result.value).toEqual({ city: "Kyoto", days: 3 });
    const body = server.requests[0]?.body as { response_format: { type: string; json_schema: { schema: unknown } } };
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.schema).toMatchObject({ type: "object", required: ["city", "days"] });
  });

  it("repairs malformed JSON once, sending back the bad output and the error", async () => {
    server.handle((_request, response, index) =>
      sendChatCompletion(response, index === 0 ? '{"city": "Kyoto", days: }' : '{"city":"Kyoto","days":3}'),
    );
    const result = await model().generate({ prompt: "Plan", schema: z.object({ city: z.string(), days: z.number() }) });
    expect(result.value).toEqual({ city: "Kyoto", days: 3 });
    expect(result.usage).toEqual({ inputTokens: 22, outputTokens: 14 });
    const repair = server.requests[1]?.body.messages as { role: string; content: string }[];
    expect(repair.at(-2)).toEqual({ role: "assistant", content: '{"city": "Kyoto", days: }' });
    expect(repair.at(-1)?.content).toMatch(/not valid JSON/);
  });

  it("throws StructuredOutputError with the raw text when the repair fails too", async () => {
    server.handle((_request, response) => sendChatCompletion(response, '{"city": 42}'));
    const error = await model()
      .generate({ prompt: "Plan", schema: z.object({ city: z.string() }) })
      .catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).rawText).toBe('{"city": 42}');
    expect(server.requests).toHaveLength(2);
  });

  it("cancels the HTTP request when the consumer breaks out of the stream", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(
        `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: "first" }, finish_reason: null }] })}\n\n`,
      );
      // ...and never finish.
    });
    for await (const part of model().stream({ prompt: "go on forever" })) {
      expect(part).toEqual({ type: "text-delta", text: "first" });
      break;
    }
    await server.closed(0);
  });

  it("ends a stream with a timeout error part when the deadline passes mid-stream", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(
        `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content: "partial" }, finish_reason: null }] })}\n\n`,
      );
    });
    const parts = await collect(model().stream({ prompt: "slow", timeoutMs: 150 }));
    // The deadline ends the stream with an error part, whether or not the first chunk arrived before it.
    const last = parts.at(-1);
    expect(last?.type).toBe("error");
    expect(LLMTimeoutError.isInstance((last as { error: unknown }).error)).toBe(true);
    expect(parts.slice(0, -1)).toEqual(parts.length === 2 ? [{ type: "text-delta", text: "partial" }] : []);
  });

  it("ends a stream with an error part (not a throw) when the call fails", async () => {
    server.handle((_request, response) => sendOpenAIError(response, 401, "bad key"));
    const parts = await collect(model().stream({ prompt: "hi" }));
    expect(parts).toHaveLength(1);
    expect(parts[0]?.type).toBe("error");
    const error = (parts[0] as { error: unknown }).error as LLMAPICallError;
    expect(error.statusCode).toBe(401);
  });

  it("reaches Ollama through its OpenAI-compatible endpoint at OLLAMA_HOST/v1 without a key", async () => {
    server.handle((_request, response) => sendChatCompletion(response, "local answer"));
    const ollama = createOllama({ model: "llama3.2", env: { OLLAMA_HOST: server.origin.replace("http://", "") } });
    const result = await ollama.generate({ prompt: "hi" });
    expect(result).toMatchObject({ text: "local answer", model: "ollama:llama3.2" });
    expect(server.requests[0]?.path).toBe("/v1/chat/completions");
  });
});
