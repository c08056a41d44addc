export const handlerName = "arrow";
