/** A response body as JSON the test assertions can walk (fetch types it as `unknown`). */
// biome-ignore lint/suspicious/noExplicitAny: assertions check the shape; the type would only restate them.
export type Json = any;

export function readJson(response: Response): Promise<Json> {
  return response.json() as Promise<Json>;
}
