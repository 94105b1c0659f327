import { useQuery } from "@tanstack/react-query";
import type { MapBoundaries } from "@toandan/contracts";
import { MapChart as EMapChart } from "echarts/charts";
import { TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { useEffect, useRef } from "react";

// Only the map series and its tooltip are registered; this chunk loads only when a map is shown.
echarts.use([EMapChart, TooltipComponent, CanvasRenderer]);

export type MapDatum = { code: string; name: string; colour: string; text: string; drillTo?: string };

async function loadBoundaries(url: string, signal: AbortSignal): Promise<Topology> {
  const res = await fetch(url, { signal, credentials: "same-origin" });
  if (!res.ok) throw new Error(`boundaries ${res.status}`);
  return (await res.json()) as Topology;
}

// Each boundary file converted once per page (a province's map and its communes' outlines share it).
const converted = new Map<string, FeatureCollection>();

/** GeoJSON of a boundary file's features (one feature only when the map shows a commune). */
export function toGeoJson(topo: Topology, b: MapBoundaries): FeatureCollection {
  const key = `${b.url}#${b.object}`;
  let fc = converted.get(key);
  if (!fc) {
    fc = feature(topo, topo.objects[b.object]!) as FeatureCollection;
    converted.set(key, fc);
  }
  return b.focus === null ? fc : { ...fc, features: fc.features.filter((f) => String(f.id) === b.focus) };
}

/**
 * A choropleth drawn by ECharts' map series from a TopoJSON boundary file (converted with
 * topojson-client): each area coloured by its class, a tooltip on hover or tap, and a click (or a
 * second tap) on an area opens that unit.
 */
export default function MapChart({
  boundaries,
  data,
  label,
  height,
  onOpen,
}: {
  boundaries: MapBoundaries;
  data: readonly MapDatum[];
  label: string;
  height: number;
  onOpen: (d: MapDatum) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  }, [onOpen]);
  const topo = useQuery({
    queryKey: ["boundaries", boundaries.url],
    queryFn: ({ signal }) => loadBoundaries(boundaries.url, signal),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
  const mapName = `${boundaries.url}#${boundaries.focus ?? ""}`;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    let tapped: string | null = null;
    c.on("click", (p) => {
      const d = p.data as MapDatum | undefined;
      if (!d?.drillTo) return;
      // On a touch screen the first tap shows the figure, a second tap on the same area opens it.
      const touch = (p.event?.event as PointerEvent | undefined)?.pointerType === "touch";
      if (touch && tapped !== d.code) {
        tapped = d.code;
        return;
      }
      open.current(d);
    });
    const onResize = () => c.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!topo.data || !chart.current) return;
    const started = performance.now();
    // Registered once per page: moving between years or layers redraws without converting again.
    if (!echarts.getMap(mapName)) {
      echarts.registerMap(
        mapName,
        toGeoJson(topo.data, boundaries) as Parameters<typeof echarts.registerMap>[1],
      );
    }
    const focus = boundaries.focus !== null;
    const byCode = new Map(data.map((d) => [d.code, d]));
    const c = chart.current;
    c.off("finished");
    c.on("finished", () => {
      // The drawn map and how long converting and drawing took (bench/map-render.ts reads both).
      if (!ref.current || ref.current.dataset.rendered === mapName) return;
      ref.current.dataset.renderMs = String(Math.round(performance.now() - started));
      ref.current.dataset.renderedAt = String(Math.round(performance.now()));
      ref.current.dataset.rendered = mapName;
    });
    c.setOption(
      {
        tooltip: {
          trigger: "item",
          triggerOn: "mousemove|click",
          confine: true,
          // The series names areas by code; the tooltip shows the unit's name and its figure.
          formatter: (p: { name: string }) => {
            const d = byCode.get(p.name);
            return d ? `${escapeHtml(d.name)}<br/><b>${escapeHtml(d.text)}</b>` : "";
          },
        },
        series: [
          {
            type: "map",
            map: mapName,
            nameProperty: "code",
            roam: false,
            selectedMode: false,
            layoutCenter: ["50%", "50%"],
            layoutSize: "96%",
            label: { show: false },
            itemStyle: { borderColor: "#555", borderWidth: focus ? 1.5 : 0.4, areaColor: "#f1f3f5" },
            emphasis: {
              label: { show: false },
              itemStyle: { areaColor: undefined, borderColor: "#000", borderWidth: 2 },
            },
            data: data.map((d) => ({ ...d, name: d.code, itemStyle: { areaColor: d.colour } })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [topo.data, boundaries, data, mapName]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid="map-chart"
      data-ready={topo.data ? "true" : "false"}
      style={{ width: "100%", height }}
    />
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
