/**
 * Where a converter is inside a value, kept as a stack of segments and only joined into text when an error
 * needs it (`args[0].rows[3].when`): the fast path never builds strings.
 */
export class ConversionPath {
  private readonly segments: (string | number)[];

  constructor(root: string) {
    this.segments = [root];
  }

  push(segment: string | number): void {
    this.segments.push(segment);
  }

  pop(): void {
    this.segments.pop();
  }

  toString(): string {
    let text = String(this.segments[0]);
    for (let index = 1; index < this.segments.length; index++) {
      const segment = this.segments[index]!;
      if (typeof segment === "number") text += `[${segment}]`;
      else if (segment.startsWith("{") || segment.startsWith("(")) text += segment;
      else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
      else text += `[${JSON.stringify(segment)}]`;
    }
    return text;
  }
}
