import type { ServerResponse } from "node:http";
import { sendJSON, startEventStream, writeEvent } from "./fake-server.js";

/** Responses in the exact shapes of OpenAI's Chat Completions API. */

export function chatCompletion(content: string, usage = { prompt_tokens: 11, completion_tokens: 7 }) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "gpt-4o-mini-2024-07-18",
    choices: [
      { index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

export function sendChatCompletion(response: ServerResponse, content: string): void {
  sendJSON(response, 200, chatCompletion(content));
}

function chunk(delta: Record<string, unknown>, finishReason: string | null = null) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model: "gpt-4o-mini-2024-07-18",
    system_fingerprint: "fp_fake",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

/** What api.openai.com sends for `stream: true, stream_options: { include_usage: true }`. */
export function streamChatCompletion(response: ServerResponse, pieces: string[]): void {
  startEventStream(response);
  writeEvent(response, chunk({ role: "assistant", content: "", refusal: null }));
  for (const piece of pieces) writeEvent(response, chunk({ content: piece }));
  writeEvent(response, chunk({}, "stop"));
  writeEvent(response, {
    ...chunk({}),
    choices: [],
    usage: { prompt_tokens: 9, completion_tokens: pieces.length, total_tokens: 9 + pieces.length },
  });
  writeEvent(response, "[DONE]");
  response.end();
}

export function sendOpenAIError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJSON(response, status, { error: { message, type: "server_error", param: null, code: null } }, headers);
}
