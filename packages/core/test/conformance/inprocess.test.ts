import { describeGatewayConformance } from "./gateway-conformance.js";

describeGatewayConformance({ name: "in-process (direct calls)" });
