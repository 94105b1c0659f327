// The part of autocannon 8's API these benchmarks use (the package ships no types).
declare module "autocannon" {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Histogram = Record<"p50" | "p90" | "p99" | "max" | "average" | "min", number> & Record<string, number>;
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    ignoreCoordinatedOmission?: boolean;
    headers?: Record<string, string>;
    requests?: (Request & { setupRequest?: (req: Request, context: object) => Request })[];
  };
  export type Result = {
    latency: Histogram;
    requests: Histogram & { total: number; sent: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export default function autocannon(opts: Options): Promise<Result>;
}
