/** Keeps the last few kilobytes a sandbox wrote to stderr: enough to say why it died, never unbounded. */
const keptCharacters = 4096;

export class StderrTail {
  private text = "";

  append(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-keptCharacters);
  }

  toString(): string {
    return this.text.trim();
  }

  /** V8's fatal report when a heap limit is reached ("Reached heap limit", "JavaScript heap out of memory"). */
  reportsOutOfMemory(): boolean {
    return /heap out of memory|Reached heap limit|Allocation failed/i.test(this.text);
  }
}
