/** A minimal server-sent events writer over an Express response. */
import type { Response } from "express";

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
  /** Fires when the client goes away before `end()`. */
  readonly disconnected: AbortSignal;
}

export function openEventStream(response: Response): EventStream {
  const disconnected = new AbortController();
  response.status(200);
  response.setHeader("content-type", "text/event-stream; charset=utf-8");
  response.setHeader("cache-control", "no-cache, no-transform");
  response.setHeader("connection", "keep-alive");
  // Reverse proxies (nginx) would otherwise buffer the whole stream.
  response.setHeader("x-accel-buffering", "no");
  response.flushHeaders();
  response.on("close", () => {
    if (!response.writableFinished) disconnected.abort(new Error("the client disconnected"));
  });
  return {
    send(event, data) {
      if (response.writableEnded || response.destroyed) return;
      response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!response.writableEnded) response.end();
    },
    disconnected: disconnected.signal,
  };
}
