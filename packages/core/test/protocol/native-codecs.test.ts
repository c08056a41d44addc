import { DanaList, DanaNativeObject, type Value } from "@dana-gateway/lang";
import { afterEach, describe, expect, it } from "vitest";
import { TypeConversionError } from "../../src/errors/classes.js";
import type { SandboxHostBridge } from "../../src/protocol/host-bridge.js";
import { decodeOnHost, encodeOnHost, serveHostRequest } from "../../src/protocol/host-codec.js";
import { createNativeEncoding, loadNativeCodecModules, registerNativeCodec } from "../../src/protocol/native-codecs.js";
import { decodeValue, encodeValue, type WireValue } from "../../src/protocol/wire-values.js";

class Counter extends DanaNativeObject {
  readonly typeName = "Counter";
  constructor(readonly bytes: Uint8Array) {
    super();
  }
  getAttribute(): Value | undefined {
    return undefined;
  }
  callMethod(): Value | undefined {
    return undefined;
  }
  repr(): string {
    return `Counter(${this.bytes.length})`;
  }
}

const codec = {
  name: "test/counter",
  moduleUrl: "data:text/javascript,export{}",
  matches: (value: DanaNativeObject) => value instanceof Counter,
  encode(value: DanaNativeObject, transfer: ArrayBuffer[]) {
    const copy = (value as Counter).bytes.slice();
    transfer.push(copy.buffer);
    return copy;
  },
  decode: (data: unknown) => new Counter(data as Uint8Array),
};

const noHandles = () => {
  throw new Error("no handle expected");
};

let unregister = () => {};
afterEach(() => unregister());

describe("native value codecs", () => {
  it("encodes a native value by value, collecting its module and the buffers to transfer", () => {
    unregister = registerNativeCodec(codec);
    const native = createNativeEncoding();
    const wire = encodeValue(new DanaList([new Counter(new Uint8Array([1, 2, 3]))]), noHandles, "value", native);
    const copy = structuredClone(wire);
    const decoded = decodeValue(copy, noHandles) as DanaList;
    expect((decoded.items[0] as Counter).bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect([...native.moduleUrls]).toEqual([codec.moduleUrl]);
    expect(native.transfer).toHaveLength(1);
  });

  it("keeps native values without a codec behind handles, as before", () => {
    const wire = encodeValue(new Counter(new Uint8Array(1)), (_value, kind) => ({
      handleId: 9,
      kind,
      name: "Counter",
      parameterNames: [],
    }));
    expect(wire).toMatchObject({ $: "handle", handle: { handleId: 9 } });
    expect(() => encodeOnHost(new Counter(new Uint8Array(1)), "args[0]")).toThrow(TypeConversionError);
  });

  it("rejects a value whose codec is not registered on the host with a TypeConversionError", () => {
    const wire: WireValue = { $: "native", codec: "test/unknown", data: null };
    expect(() => decodeOnHost(wire)).toThrow(/no codec 'test\/unknown'/);
    expect(() => decodeOnHost(wire)).toThrow(TypeConversionError);
  });

  it("turns a codec's failure on malformed data into a TypeConversionError", () => {
    unregister = registerNativeCodec({
      ...codec,
      decode: () => {
        throw new TypeError("bad bytes");
      },
    });
    const wire: WireValue = { $: "native", codec: codec.name, data: 42 };
    expect(() => decodeOnHost(wire)).toThrow(TypeConversionError);
    expect(() => decodeOnHost(wire)).toThrow(/could not be decoded: bad bytes/);
  });

  it("imports each codec module once", async () => {
    await loadNativeCodecModules([codec.moduleUrl, codec.moduleUrl]);
    await expect(loadNativeCodecModules(["data:text/javascript,throw new Error('boom')"])).rejects.toThrow("boom");
  });

  it("names the codec modules of a host function's answer, so the sandbox can load them first", async () => {
    unregister = registerNativeCodec(codec);
    const bridge: SandboxHostBridge = {
      writeStdout: () => {},
      resolveModule: () => null,
      reason: () => null,
      callHostFunction: () => new Counter(new Uint8Array([7])),
    };
    const response = await serveHostRequest(
      {
        type: "host-request",
        id: 3,
        requestId: null,
        request: { kind: "host-function", name: "f", positional: [], keywords: [] },
      },
      bridge,
    );
    expect(response).toMatchObject({
      ok: true,
      codecModules: [codec.moduleUrl],
      value: { $: "native", codec: codec.name },
    });
  });
});
