// Request and response schemas of citizen tips (tố giác, tin báo về tội phạm), split by topic.
export * from "./tips-submit";
export * from "./tips-status";
export * from "./tips-outcomes";
export * from "./tips-police";
export * from "./tips-intake";
