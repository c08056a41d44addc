export const handlerName = "dataframe";
