import type { ServerResponse } from "node:http";
import { sendJSON, startEventStream, writeEvent } from "./fake-server.js";

/** Responses in the exact shapes of Anthropic's Messages API. */

export function message(text: string) {
  return {
    id: "msg_fake",
    type: "message",
    role: "assistant",
    model: "claude-3-5-haiku-20241022",
    content: [{ type: "text", text }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 13, output_tokens: 5 },
  };
}

export function sendMessage(response: ServerResponse, text: string): void {
  sendJSON(response, 200, message(text));
}

/** The event sequence Anthropic documents for `stream: true`, ping included. */
export function streamMessage(response: ServerResponse, pieces: string[]): void {
  startEventStream(response);
  writeEvent(
    response,
    {
      type: "message_start",
      message: { ...message(""), content: [], stop_reason: null, usage: { input_tokens: 25, output_tokens: 1 } },
    },
    "message_start",
  );
  writeEvent(
    response,
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    "content_block_start",
  );
  writeEvent(response, { type: "ping" }, "ping");
  for (const piece of pieces) {
    writeEvent(
      response,
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } },
      "content_block_delta",
    );
  }
  writeEvent(response, { type: "content_block_stop", index: 0 }, "content_block_stop");
  writeEvent(
    response,
    { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 15 } },
    "message_delta",
  );
  writeEvent(response, { type: "message_stop" }, "message_stop");
  response.end();
}

export function sendAnthropicError(
  response: ServerResponse,
  status: number,
  type: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  sendJSON(response, status, { type: "error", error: { type, message: text } }, headers);
}
