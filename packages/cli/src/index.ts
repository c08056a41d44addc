export const packageName = "@dana-gateway/cli";
