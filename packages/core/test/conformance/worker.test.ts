import { describeConformance } from "./conformance.js";
import { describeGatewayConformance } from "./gateway-conformance.js";

describeConformance("worker");
// The gateway's own suite too (run in-process and over the loopback protocol elsewhere), so every mode is held
// to the same expectations.
describeGatewayConformance({ name: "worker thread", contextOptions: { isolation: "worker" } });
