import { Interpreter } from "@dana-gateway/lang";
import { createLoopbackBackendFactory } from "../../src/protocol/loopback-backend.js";
import { describeGatewayConformance } from "./gateway-conformance.js";

// The whole wire protocol (structured-cloned messages, handles, host requests) without a thread.
describeGatewayConformance({
  name: "wire protocol (loopback)",
  runtimeOptions: { backends: { worker: createLoopbackBackendFactory((options) => new Interpreter(options)) } },
  contextOptions: { isolation: "worker" },
});
