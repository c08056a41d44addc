import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createAnthropic,
  defaultAnthropicMaxTokens,
  LLMAPICallError,
  LLMTimeoutError,
  type StreamPart,
  StructuredOutputError,
} from "../src/index.js";
import { sendAnthropicError, sendMessage, streamMessage } from "./helpers/anthropic-wire.js";
import { type FakeServer, startFakeServer, unusedPort } from "./helpers/fake-server.js";

let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer((_request, response) => sendMessage(response, "unused"));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function model(options: { maxRetries?: number } = {}) {
  // The key comes from the `env` option here, to show that it is read from there.
  return createAnthropic({
    baseURL: server.origin,
    model: "claude-3-5-haiku-latest",
    env: { ANTHROPIC_API_KEY: "sk-ant-test" },
    ...options,
  });
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const collected: StreamPart[] = [];
  for await (const part of parts) collected.push(part);
  return collected;
}

describe("Anthropic provider over real HTTP", () => {
  it("sends a Messages API request and maps text, usage and stop reason", async () => {
    server.handle((_request, response) => sendMessage(response, "Kyoto."));
    const result = await model().generate({ prompt: "Where?", system: "Be brief." });
    expect(result).toEqual({
      text: "Kyoto.",
      usage: { inputTokens: 13, outputTokens: 5 },
      model: "anthropic:claude-3-5-haiku-latest",
      finishReason: "end_turn",
    });
    const [request] = server.requests;
    expect(request?.path).toBe("/v1/messages");
    expect(request?.headers["x-api-key"]).toBe("sk-ant-test");
    expect(request?.headers["anthropic-version"]).toBeTruthy();
    expect(request?.body).toEqual({
      model: "claude-3-5-haiku-latest",
      max_tokens: defaultAnthropicMaxTokens,
      system: "Be brief.",
      messages: [{ role: "user", content: "Where?" }],
      stream: false,
    });
  });

  it("streams Anthropic's event sequence as text-delta, text-end and usage parts", async () => {
    server.handle((_request, response) => streamMessage(response, ["Hel", "lo"]));
    const parts = await collect(model().stream({ prompt: "Say hello" }));
    expect(parts).toEqual([
      { type: "text-delta", text: "Hel" },
      { type: "text-delta", text: "lo" },
      { type: "text-end", text: "Hello" },
      { type: "usage", usage: { inputTokens: 25, outputTokens: 15 } },
    ]);
    expect(server.requests[0]?.body.stream).toBe(true);
  });

  it("retries a 429 after retry-after, through the SDK", async () => {
    server.handle((_request, response, index) =>
      index === 0
        ? sendAnthropicError(response, 429, "rate_limit_error", "slow down", { "retry-after": "0.05" })
        : sendMessage(response, "after the wait"),
    );
    const result = await model().generate({ prompt: "hi" });
    expect(result.text).toBe("after the wait");
    expect(server.requests).toHaveLength(2);
  });

  it("retries a 529 overloaded error and then succeeds", async () => {
    server.handle((_request, response, index) =>
      index === 0
        ? sendAnthropicError(response, 529, "overloaded_error", "Overloaded", { "retry-after-ms": "1" })
        : sendMessage(response, "recovered"),
    );
    expect((await model().generate({ prompt: "hi" })).text).toBe("recovered");
  });

  it("maps a final 500 into LLMAPICallError with the response body", async () => {
    server.handle((_request, response) =>
      sendAnthropicError(response, 500, "api_error", "internal", { "retry-after-ms": "1" }),
    );
    const error = await model()
      .generate({ prompt: "hi" })
      .catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(3);
    expect(LLMAPICallError.isInstance(error)).toBe(true);
    expect((error as LLMAPICallError).statusCode).toBe(500);
    expect((error as LLMAPICallError).responseBody).toContain("api_error");
    expect((error as LLMAPICallError).url).toBe(`${server.origin}/v1/messages`);
  });

  it("times out a call whose server never answers", async () => {
    server.handle(() => {});
    const error = await model()
      .generate({ prompt: "hi", timeoutMs: 100 })
      .catch((caught: unknown) => caught);
    expect(LLMTimeoutError.isInstance(error)).toBe(true);
    if (server.requests.length > 0) await server.closed(0);
  });

  it("puts JSON instructions and the schema in the system prompt, and repairs once", async () => {
    server.handle((_request, response, index) =>
      sendMessage(response, index === 0 ? "Sure! Here it is: {" : '```json\n{"city":"Kyoto"}\n```'),
    );
    const result = await model().generate({ prompt: "Plan", schema: z.object({ city: z.string() }) });
    expect(result.value).toEqual({ city: "Kyoto" });
    expect(server.requests[0]?.body.system).toMatch(/JSON Schema/);
    expect(server.requests[1]?.body.messages).toHaveLength(3);
  });

  it("raises StructuredOutputError after a failed repair", async () => {
    server.handle((_request, response) => sendMessage(response, "no JSON here"));
    const error = await model()
      .generate({ prompt: "Plan", format: "json" })
      .catch((caught: unknown) => caught);
    expect(StructuredOutputError.isInstance(error)).toBe(true);
    expect((error as StructuredOutputError).rawText).toBe("no JSON here");
  });

  it("cancels the HTTP request when the consumer breaks out of the stream", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(
        `event: content_block_delta\ndata: ${JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "first" } })}\n\n`,
      );
    });
    for await (const part of model().stream({ prompt: "forever" })) {
      expect(part).toEqual({ type: "text-delta", text: "first" });
      break;
    }
    await server.closed(0);
  });

  it("reports a refused connection as a retryable LLMAPICallError", async () => {
    const port = await unusedPort();
    const refused = createAnthropic({ apiKey: "k", baseURL: `http://127.0.0.1:${port}`, maxRetries: 0, env: {} });
    const parts = await collect(refused.stream({ prompt: "hi" }));
    expect(parts).toHaveLength(1);
    const error = (parts[0] as { error: unknown }).error as LLMAPICallError;
    expect(LLMAPICallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
  });
});
