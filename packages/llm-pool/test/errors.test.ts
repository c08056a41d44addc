import { describe, expect, it } from "vitest";
import {
  InvalidModelIdError,
  LLMAbortError,
  LLMAPICallError,
  LLMConfigurationError,
  LLMError,
  type LLMErrorJSON,
  LLMTimeoutError,
  PoolAcquireTimeoutError,
  PoolClosedError,
  StructuredOutputError,
} from "../src/index.js";

const samples: LLMError[] = [
  new LLMError({ message: "base", cause: new Error("root cause") }),
  new LLMConfigurationError({ message: "missing key", option: "apiKey" }),
  new InvalidModelIdError({ modelId: "gpt4", message: "bad id" }),
  new LLMAPICallError({ message: "429", statusCode: 429, url: "http://x/v1", responseBody: '{"error":{}}' }),
  new LLMTimeoutError({ message: "slow", timeoutMs: 5 }),
  new LLMAbortError(),
  new PoolAcquireTimeoutError({ message: "busy", timeoutMs: 7 }),
  new PoolClosedError(),
  new StructuredOutputError({ message: "bad json", rawText: "{oops" }),
];

describe("LLM errors", () => {
  it("carry literal names, and isInstance works on the base and on each subclass", () => {
    expect(samples.map((error) => error.name)).toEqual([
      "LLMError",
      "LLMConfigurationError",
      "InvalidModelIdError",
      "LLMAPICallError",
      "LLMTimeoutError",
      "LLMAbortError",
      "PoolAcquireTimeoutError",
      "PoolClosedError",
      "StructuredOutputError",
    ]);
    for (const error of samples) {
      expect(LLMError.isInstance(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
    }
    expect(LLMAPICallError.isInstance(samples[3])).toBe(true);
    expect(LLMAPICallError.isInstance(samples[4])).toBe(false);
    expect(LLMError.isInstance(new Error("plain"))).toBe(false);
    expect(LLMError.isInstance(null)).toBe(false);
  });

  it("recognise errors from another copy of the package through the Symbol.for marker", () => {
    const foreign = Object.assign(new Error("from a duplicate install"), {
      [Symbol.for("dana-gateway.llm.error")]: true,
      [Symbol.for("dana-gateway.llm.error.PoolClosedError")]: true,
    });
    expect(LLMError.isInstance(foreign)).toBe(true);
    expect(PoolClosedError.isInstance(foreign)).toBe(true);
    expect(StructuredOutputError.isInstance(foreign)).toBe(false);
  });

  it("round-trip through JSON with their subclass and fields", () => {
    for (const error of samples) {
      const json = JSON.parse(JSON.stringify(error)) as LLMErrorJSON;
      const rebuilt = LLMError.fromJSON(json);
      expect(rebuilt.name).toBe(error.name);
      expect(rebuilt.message).toBe(error.message);
      expect(rebuilt.isRetryable).toBe(error.isRetryable);
      expect(rebuilt.toJSON()).toEqual(error.toJSON());
      expect(Object.getPrototypeOf(rebuilt)).toBe(Object.getPrototypeOf(error));
    }
    const apiError = LLMError.fromJSON(samples[3]!.toJSON()) as LLMAPICallError;
    expect(apiError).toMatchObject({ statusCode: 429, url: "http://x/v1", responseBody: '{"error":{}}' });
    expect((LLMError.fromJSON(samples[8]!.toJSON()) as StructuredOutputError).rawText).toBe("{oops");
    expect(samples[0]!.toJSON().cause).toEqual({ name: "Error", message: "root cause" });
  });

  it("keep an unknown name as a plain LLMError instead of failing", () => {
    const rebuilt = LLMError.fromJSON({ name: "FutureError", message: "m", isRetryable: true });
    expect(rebuilt.name).toBe("LLMError");
    expect(rebuilt.isRetryable).toBe(true);
  });

  it("are retryable for 408, 409, 429, 5xx and lost connections only", () => {
    const retryable = (statusCode?: number) => new LLMAPICallError({ message: "x", statusCode }).isRetryable;
    expect([408, 409, 429, 500, 503, 529].map(retryable)).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 422].map(retryable)).toEqual([false, false, false, false, false]);
    expect(retryable(undefined)).toBe(true);
    expect(new LLMConfigurationError({ message: "x" }).isRetryable).toBe(false);
    expect(new LLMTimeoutError({ message: "x" }).isRetryable).toBe(true);
  });

  it("keep the cause on the standard property", () => {
    const cause = new Error("socket hang up");
    expect(new LLMAPICallError({ message: "x", cause }).cause).toBe(cause);
  });
});
