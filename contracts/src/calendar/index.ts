export * from "./clock";
export * from "./holidays";
export * from "./periods";
export * from "./working-days";
