import { describeConformance } from "./conformance.js";
import { describeGatewayConformance } from "./gateway-conformance.js";

describeConformance("process");
// The gateway's own suite too (run in-process and over the loopback protocol elsewhere), so every mode is held
// to the same expectations.
describeGatewayConformance({ name: "child process", contextOptions: { isolation: "process" } });
