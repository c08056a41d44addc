import { LLMAbortError, LLMAPICallError, LLMError, LLMTimeoutError } from "../errors.js";

/**
 * The error classes both Stainless-generated SDKs (openai, @anthropic-ai/sdk)
 * export under the same names. Taken from the lazily imported module, so this
 * file imports neither SDK.
 */
export interface SDKErrorClasses {
  APIError: abstract new (...parameters: never[]) => Error;
  APIUserAbortError: abstract new (...parameters: never[]) => Error;
  APIConnectionError: abstract new (...parameters: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...parameters: never[]) => Error;
}

/** Before an SDK is loaded none of its errors can exist; these classes match nothing. */
class NeverMatches extends Error {}
export const noSDKErrorClasses: SDKErrorClasses = {
  APIError: NeverMatches,
  APIUserAbortError: NeverMatches,
  APIConnectionError: NeverMatches,
  APIConnectionTimeoutError: NeverMatches,
};

interface SDKAPIError extends Error {
  status?: number;
  error?: unknown;
}

function responseBodyOf(error: SDKAPIError): string | undefined {
  if (error.error === undefined) return undefined;
  return typeof error.error === "string" ? error.error : JSON.stringify(error.error);
}

/** Maps an SDK error to ours. `url` is the endpoint called, for messages and `LLMAPICallError.url`. */
export function fromSDKError(error: unknown, classes: SDKErrorClasses, label: string, url: string): LLMError {
  if (LLMError.isInstance(error)) return error;
  if (error instanceof classes.APIUserAbortError) return new LLMAbortError({ cause: error });
  if (error instanceof classes.APIConnectionTimeoutError) {
    return new LLMTimeoutError({
      message: `${label} request to ${url} timed out (after the SDK's retries).`,
      cause: error,
    });
  }
  if (error instanceof classes.APIConnectionError) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return new LLMAPICallError({
      message: `Could not reach ${label} at ${url}: ${reason}`,
      url,
      isRetryable: true,
      cause: error,
    });
  }
  if (error instanceof classes.APIError) {
    const apiError = error as SDKAPIError;
    return new LLMAPICallError({
      message: `${label} API call failed${apiError.status ? ` with status ${apiError.status}` : ""}: ${apiError.message}`,
      url,
      statusCode: apiError.status,
      responseBody: responseBodyOf(apiError),
      cause: error,
    });
  }
  return new LLMError({
    message: `${label} call failed: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}
