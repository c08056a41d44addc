import { describe, expect, it } from "vitest";
import { ResourceError } from "../../src/errors/classes.js";
import { SandboxPool } from "../../src/isolation/sandbox-pool.js";

class FakeSandbox {
  static started = 0;
  readonly id = ++FakeSandbox.started;
  alive = true;
  terminated = false;
  async terminate() {
    this.alive = false;
    this.terminated = true;
  }
}

const startFake = async () => new FakeSandbox();
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("SandboxPool", () => {
  it("keeps minIdle sandboxes started, and refills after each acquire", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 2, maxSize: 4 });
    await pool.warm();
    expect(pool.idleCount).toBe(2);
    const member = await pool.acquire();
    expect(member.alive).toBe(true);
    await pool.warm();
    expect(pool.idleCount).toBe(2);
    expect(pool.size).toBe(3);
  });

  it("terminates a released sandbox instead of handing it to another context", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 1, maxSize: 2 });
    const first = await pool.acquire();
    await pool.release(first);
    expect(first.terminated).toBe(true);
    const second = await pool.acquire();
    expect(second).not.toBe(first);
  });

  it("skips idle sandboxes that died while waiting", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 1, maxSize: 2 });
    await pool.warm();
    const [idle] = (pool as unknown as { idle: FakeSandbox[] }).idle;
    idle!.alive = false;
    const member = await pool.acquire();
    expect(member).not.toBe(idle);
    expect(member.alive).toBe(true);
  });

  it("ends a wait for capacity with a ResourceError after the acquire timeout", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 0, maxSize: 1, acquireTimeoutMs: 50 });
    const held = await pool.acquire();
    const error = await pool.acquire().catch((caught: unknown) => caught);
    expect(ResourceError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/no test sandbox became available within 50 ms/);
    await pool.release(held);
  });

  it("hands a released slot to a waiting acquire", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 0, maxSize: 1 });
    const held = await pool.acquire();
    const waiting = pool.acquire();
    await pool.release(held);
    const next = await waiting;
    expect(next).not.toBe(held);
    expect(next.alive).toBe(true);
  });

  it("rejects acquire with the start error instead of hanging when starting fails", async () => {
    let attempts = 0;
    const failing = async (): Promise<FakeSandbox> => {
      attempts++;
      throw new Error("cannot start");
    };
    await using pool = new SandboxPool("test", failing, { minIdle: 1, maxSize: 2, acquireTimeoutMs: 5_000 });
    await settle();
    await expect(pool.acquire()).rejects.toThrow("cannot start");
    await settle();
    // A failing background start pauses refilling: no retry loop.
    expect(attempts).toBeLessThanOrEqual(3);
  });

  it("honours an AbortSignal while waiting", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 0, maxSize: 1 });
    const held = await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire({ signal: controller.signal });
    controller.abort(new Error("caller gave up"));
    await expect(waiting).rejects.toThrow("caller gave up");
    await pool.release(held);
  });

  it("rejects waiting and later acquires once closed, and terminates idle sandboxes", async () => {
    const pool = new SandboxPool("test", startFake, { minIdle: 1, maxSize: 1 });
    const held = await pool.acquire();
    const waiting = pool.acquire();
    await pool.close();
    await expect(waiting).rejects.toThrow(/pool is closed/);
    await expect(pool.acquire()).rejects.toThrow(/pool is closed/);
    await pool.release(held);
    await pool.close();
  });

  it("never exceeds maxSize, counting sandboxes still terminating", async () => {
    await using pool = new SandboxPool("test", startFake, { minIdle: 2, maxSize: 3 });
    const members = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
    expect(pool.size).toBeLessThanOrEqual(3);
    await Promise.all(members.map((member) => pool.release(member)));
    expect(pool.size).toBeLessThanOrEqual(3);
  });

  it("rejects options that would make it useless", () => {
    expect(() => new SandboxPool("test", startFake, { minIdle: 3, maxSize: 2 })).toThrow(/minIdle cannot exceed/);
    expect(() => new SandboxPool("test", startFake, { maxSize: 0 })).toThrow(/maxSize/);
    expect(() => new SandboxPool("test", startFake, { acquireTimeoutMs: -1 })).toThrow(/acquireTimeoutMs/);
  });
});
