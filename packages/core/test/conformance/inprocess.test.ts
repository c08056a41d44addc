import { describeConformance } from "./conformance.js";
import { describeGatewayConformance } from "./gateway-conformance.js";

describeGatewayConformance({ name: "in-process (direct calls)" });
// The isolation suite too, so the three modes are held to the same expectations.
describeConformance("inprocess");
