export * from "./clock";
export * from "./days";
export * from "./document-date";
export * from "./holidays";
export * from "./periods";
export * from "./working-days";
export * from "./evaluation-years";
