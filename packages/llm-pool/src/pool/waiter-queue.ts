/**
 * A FIFO of pending `acquire()` calls. Waiters that time out or abort are
 * marked settled and skipped later instead of being spliced out, which keeps
 * every operation O(1) amortised under heavy contention.
 */
export interface Waiter<T> {
  settled: boolean;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export class WaiterQueue<T> {
  #items: Waiter<T>[] = [];
  #head = 0;
  /** Waiters not yet settled; settled ones may still sit in the array until skipped. */
  #live = 0;

  get size(): number {
    return this.#live;
  }

  push(waiter: Waiter<T>): void {
    this.#items.push(waiter);
    this.#live++;
  }

  /** Called when a queued waiter settles on its own (timeout, abort), so `size` stays exact. */
  forget(): void {
    this.#live--;
  }

  /** The oldest unsettled waiter, removed from the queue, or undefined. */
  shift(): Waiter<T> | undefined {
    while (this.#head < this.#items.length) {
      const waiter = this.#items[this.#head]!;
      this.#head++;
      if (!waiter.settled) {
        this.#live--;
        this.#compact();
        return waiter;
      }
    }
    this.#compact();
    return undefined;
  }

  /** Removes and returns every unsettled waiter, oldest first. */
  drain(): Waiter<T>[] {
    const waiting: Waiter<T>[] = [];
    for (let waiter = this.shift(); waiter !== undefined; waiter = this.shift()) waiting.push(waiter);
    return waiting;
  }

  #compact(): void {
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
