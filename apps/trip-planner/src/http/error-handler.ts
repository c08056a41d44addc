/**
 * Errors → FastAPI-shaped responses: 422 `{"detail":[…]}` for invalid requests, `{"detail":"…"}` otherwise.
 * Internal details (stacks, Dana tracebacks) are logged, never sent.
 */
import { DanaTimeoutError } from "@dana-gateway/core";
import { LLMError } from "@dana-gateway/llm-pool";
import type { ErrorRequestHandler } from "express";
import { ContextPoolClosedError, ContextPoolTimeoutError } from "../planner/context-pool.js";
import { NarrativeError, PlanTimeoutError } from "../planner/errors.js";
import { RequestValidationError, type ValidationErrorItem } from "../validation.js";

export interface HttpError {
  status: number;
  detail: string | ValidationErrorItem[];
}

export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
}

/** The error or any of its causes matching `test`. */
function findInChain(error: unknown, test: (candidate: unknown) => boolean): unknown {
  let current = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (test(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isBodyParserError(error: unknown): error is { type: string; status: number; message: string } {
  return typeof error === "object" && error !== null && typeof (error as { type?: unknown }).type === "string";
}

export function toHttpError(error: unknown): HttpError {
  if (error instanceof RequestValidationError) return { status: 422, detail: error.detail };
  if (error instanceof NotFoundError) return { status: 404, detail: error.message };
  if (isBodyParserError(error)) {
    if (error.type === "entity.parse.failed") {
      return {
        status: 422,
        detail: [{ loc: ["body"], msg: `JSON decode error: ${error.message}`, type: "json_invalid" }],
      };
    }
    if (error.type === "entity.too.large") return { status: 413, detail: "Request body too large" };
    if (typeof error.status === "number" && error.status >= 400 && error.status < 500) {
      return { status: error.status, detail: error.message };
    }
  }
  if (error instanceof ContextPoolTimeoutError) return { status: 503, detail: error.message };
  if (error instanceof ContextPoolClosedError) return { status: 503, detail: error.message };
  if (error instanceof PlanTimeoutError || DanaTimeoutError.isInstance(error)) {
    return { status: 504, detail: "Planning took too long and was stopped" };
  }
  const modelError = findInChain(
    error,
    (candidate) => LLMError.isInstance(candidate) || candidate instanceof NarrativeError,
  );
  if (modelError !== undefined) {
    return { status: 502, detail: `The language model failed: ${(modelError as Error).message}` };
  }
  return { status: 500, detail: "Internal Server Error" };
}

export function logUnexpected(error: unknown, status: number): void {
  // Requests still queued when the server shuts down get a 503; that is the shutdown working, not a fault.
  if (error instanceof ContextPoolClosedError) return;
  if (status >= 500 && process.env.NODE_ENV !== "test") console.error("[trip-planner]", error);
}

export const errorHandler: ErrorRequestHandler = (error, _request, response, next) => {
  // The client is gone (its request was cancelled with it): there is no one to answer and nothing to report.
  if (response.destroyed) return;
  if (response.headersSent) return next(error);
  const { status, detail } = toHttpError(error);
  logUnexpected(error, status);
  response.status(status).json({ detail });
};
