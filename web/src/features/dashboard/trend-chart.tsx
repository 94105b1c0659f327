import { Button, Group, Paper, Title } from "@mantine/core";
import type { Dashboard } from "@toandan/contracts";
import * as echarts from "echarts/core";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";

// Only what this chart uses is registered, so the charts chunk stays small; it loads only here.
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** The monthly activities and attendances of the year, as a line chart with a PNG download. */
export default function TrendChart({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation("reports");
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
    const onResize = () => chart.current?.resize();
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("resize", onResize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    const activities = t("dashboard.activities");
    const attendees = t("dashboard.attendees");
    chart.current?.setOption({
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => formatNumber(Number(v)) },
      // The legend sits above the plot; the plot leaves room for it and for the axis labels.
      legend: { data: [activities, attendees], top: 0, left: "center" },
      grid: { top: 44, left: 12, right: 12, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: dashboard.trend.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)}`),
      },
      yAxis: [
        { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
        { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v) } },
      ],
      series: [
        {
          name: activities,
          type: "line",
          data: dashboard.trend.map((m) => m.values["activities.count"] ?? 0),
        },
        {
          name: attendees,
          type: "line",
          yAxisIndex: 1,
          data: dashboard.trend.map((m) => m.values["activities.attendees"] ?? 0),
        },
      ],
    });
  }, [dashboard, t]);
  const savePng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `dien-bien-${dashboard.year}.png`;
    a.click();
  };
  return (
    <Paper withBorder p="sm" component="section" aria-label={t("dashboard.trend")}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t("dashboard.trend")}
        </Title>
        <Button variant="light" size="xs" onClick={savePng}>
          {t("dashboard.savePng")}
        </Button>
      </Group>
      <div ref={ref} style={{ width: "100%", height: 300 }} role="img" aria-label={t("dashboard.trend")} />
    </Paper>
  );
}
