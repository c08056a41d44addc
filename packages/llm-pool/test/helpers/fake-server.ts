import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

/** Decides the response to one request; `index` counts requests from 0. */
export type FakeHandler = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface FakeServer {
  /** e.g. `http://127.0.0.1:43123` */
  origin: string;
  requests: RecordedRequest[];
  /** Replaces the handler for the following requests. */
  handle(handler: FakeHandler): void;
  /** Resolves when the client closes (or aborts) the connection of request `index`. */
  closed(index: number): Promise<void>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      resolve(text === "" ? {} : (JSON.parse(text) as Record<string, unknown>));
    });
    request.on("error", reject);
  });
}

/**
 * A real HTTP server on 127.0.0.1 and an OS-chosen port: the SDKs run their
 * real code paths (fetch, SSE parsing, retries) against it.
 */
export async function startFakeServer(initial: FakeHandler): Promise<FakeServer> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const closeWaiters = new Map<number, Promise<void>>();
  const server: Server = createServer((incoming, response) => {
    const index = requests.length;
    // Registered before the body is read, so a close is never missed.
    closeWaiters.set(index, new Promise((resolve) => response.on("close", () => resolve())));
    readBody(incoming)
      .then(async (body) => {
        const recorded: RecordedRequest = {
          method: incoming.method ?? "",
          path: incoming.url ?? "",
          headers: incoming.headers,
          body,
        };
        requests.push(recorded);
        await handler(recorded, response, index);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(599);
        response.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    closed(index) {
      const waiter = closeWaiters.get(index);
      if (!waiter) throw new Error(`no request ${index} yet`);
      return waiter;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port where nothing listens: bound once by us, then released. */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function sendJSON(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(text);
}

/** Server-sent events: `data:` lines, with an `event:` line when `event` is given (Anthropic's format). */
export function startEventStream(response: ServerResponse): void {
  response.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
}

export function writeEvent(response: ServerResponse, data: unknown, event?: string): void {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  response.write(`${event === undefined ? "" : `event: ${event}\n`}data: ${payload}\n\n`);
}
