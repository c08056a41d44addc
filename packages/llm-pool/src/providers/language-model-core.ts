import { CallScope } from "../call-scope.js";
import { LLMConfigurationError, LLMError, StructuredOutputError } from "../errors.js";
import { resolveJSONSchema } from "../schema/json-schema.js";
import { jsonInstructions, parseStructuredOutput, repairInstructions } from "../structured-output.js";
import type {
  GenerateRequest,
  GenerateResult,
  JSONSchema,
  LanguageModel,
  ModelId,
  StreamPart,
  Usage,
} from "../types.js";

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

/** What a provider backend receives: the request already normalised, the JSON instructions already in `system`. */
export interface ProviderCall {
  system?: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Ask for the provider's JSON mode where it has one. */
  json: boolean;
  jsonSchema?: JSONSchema;
  /** Cancels the HTTP request; absent when the caller gave neither a signal nor a timeout. */
  signal?: AbortSignal;
}

export interface ProviderAnswer {
  text: string;
  usage: Usage;
  finishReason: string;
}

export type ProviderStreamEvent =
  | { type: "text-delta"; text: string }
  | { type: "usage"; usage: Partial<Usage> }
  | { type: "finish"; finishReason: string };

/** The provider-specific part of a language model: one request, one answer, and error translation. */
export interface ProviderBackend {
  readonly provider: string;
  readonly modelId: ModelId;
  generateText(call: ProviderCall): Promise<ProviderAnswer>;
  streamText(call: ProviderCall): AsyncIterable<ProviderStreamEvent>;
  /** Translates an SDK error (status, connection, timeout) into ours. */
  toLLMError(error: unknown): LLMError;
}

function checkRequest(request: GenerateRequest<unknown>): void {
  if (typeof request !== "object" || request === null || typeof request.prompt !== "string") {
    throw new LLMConfigurationError({ option: "prompt", message: "A request needs a `prompt` string." });
  }
}

function wantsJSON(request: GenerateRequest): boolean {
  return request.schema !== undefined || request.format === "json";
}

async function buildCall(request: GenerateRequest, signal: AbortSignal | undefined): Promise<ProviderCall> {
  const json = wantsJSON(request);
  const jsonSchema = request.schema === undefined ? undefined : await resolveJSONSchema(request.schema);
  const system = json
    ? [request.system, jsonInstructions(jsonSchema)].filter((part) => part !== undefined).join("\n\n")
    : request.system;
  return {
    system,
    messages: [{ role: "user", content: request.prompt }],
    temperature: request.temperature,
    maxTokens: request.maxTokens,
    json,
    jsonSchema,
    signal,
  };
}

function addUsage(first: Usage, second: Usage): Usage {
  return {
    inputTokens: first.inputTokens + second.inputTokens,
    outputTokens: first.outputTokens + second.outputTokens,
  };
}

/**
 * Everything the providers share: request checks, deadline and abort, JSON
 * mode with schema validation and one repair round, error translation, and
 * the stream protocol. A backend only sends one request.
 */
export class BackedLanguageModel implements LanguageModel {
  readonly provider: string;
  readonly modelId: ModelId;
  readonly #backend: ProviderBackend;

  constructor(backend: ProviderBackend) {
    this.#backend = backend;
    this.provider = backend.provider;
    this.modelId = backend.modelId;
  }

  #toError(error: unknown, scope: CallScope | undefined): LLMError {
    const aborted = scope?.abortError;
    if (aborted) return aborted;
    if (LLMError.isInstance(error)) return error;
    return this.#backend.toLLMError(error);
  }

  async generate<T = unknown>(request: GenerateRequest<T>): Promise<GenerateResult<T>> {
    checkRequest(request);
    // No timer and no listener unless asked for: the offline model answers in microseconds.
    const scope =
      request.signal !== undefined || request.timeoutMs !== undefined
        ? new CallScope(request, `${this.modelId} generate`)
        : undefined;
    try {
      scope?.throwIfAborted();
      const call = await buildCall(request, scope?.signal);
      const send = (providerCall: ProviderCall) => {
        const answer = this.#backend.generateText(providerCall);
        return scope ? scope.race(answer) : answer;
      };
      const first = await send(call);
      if (!call.json) return this.#result<T>(first, first.usage, false);
      const firstOutcome = parseStructuredOutput(first.text, request.schema);
      if (firstOutcome.success) return this.#result<T>(first, first.usage, true, firstOutcome.value);
      // One repair round: show the model its own answer and what is wrong with it.
      const second = await send({
        ...call,
        messages: [
          ...call.messages,
          { role: "assistant", content: first.text },
          { role: "user", content: repairInstructions(firstOutcome.problem) },
        ],
      });
      const usage = addUsage(first.usage, second.usage);
      const secondOutcome = parseStructuredOutput(second.text, request.schema);
      if (secondOutcome.success) return this.#result<T>(second, usage, true, secondOutcome.value);
      throw new StructuredOutputError({
        message: `The model's answer was rejected twice: ${secondOutcome.problem} (one repair attempt was made).`,
        rawText: second.text,
      });
    } catch (error) {
      throw this.#toError(error, scope);
    } finally {
      scope?.close();
    }
  }

  #result<T>(answer: ProviderAnswer, usage: Usage, structured: boolean, value?: unknown): GenerateResult<T> {
    const result: GenerateResult<T> = {
      text: answer.text,
      usage,
      model: this.modelId,
      finishReason: answer.finishReason,
    };
    // Validated against the schema (whose output type is T) just before, or T is unknown.
    if (structured) result.value = value as T;
    return result;
  }

  /** JSON mode is requested when asked, but the streamed text is not validated: use `generate` for that. */
  async *stream(request: GenerateRequest): AsyncGenerator<StreamPart, void, undefined> {
    let scope: CallScope | undefined;
    let events: AsyncIterator<ProviderStreamEvent> | undefined;
    try {
      checkRequest(request);
      scope = new CallScope(request, `${this.modelId} stream`);
      scope.throwIfAborted();
      const call = await buildCall(request, scope.signal);
      let text = "";
      const usage: Usage = { inputTokens: 0, outputTokens: 0 };
      events = this.#backend.streamText(call)[Symbol.asyncIterator]();
      while (true) {
        // Raced like generate: the SDK sleeps out a retry-after before the first event without watching the signal.
        const next = await scope.race(events.next());
        if (next.done) break;
        const event = next.value;
        if (event.type === "text-delta") {
          if (event.text === "") continue;
          text += event.text;
          yield { type: "text-delta", text: event.text };
        } else if (event.type === "usage") {
          usage.inputTokens = event.usage.inputTokens ?? usage.inputTokens;
          usage.outputTokens = event.usage.outputTokens ?? usage.outputTokens;
        }
      }
      // The SDK streams end quietly when their signal aborts, so a deadline has to be checked here.
      scope.throwIfAborted();
      yield { type: "text-end", text };
      yield { type: "usage", usage };
    } catch (error) {
      yield { type: "error", error: this.#toError(error, scope) };
    } finally {
      // Also reached when the consumer breaks out of its loop: closing aborts the HTTP request.
      scope?.close();
      // Not awaited: a backend still inside an SDK call finishes it (the abort makes that quick) before returning.
      events?.return?.().catch(() => {});
    }
  }
}
