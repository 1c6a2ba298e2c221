// Accessibility check of the screen currently shown: axe-core injected into the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Device } from './device.ts';
import { AXE_PATH } from './paths.ts';

let axeSource: string | undefined;

export interface AxeReport {
  readonly screen: string;
  readonly blocking: Result[];
  readonly all: Result[];
}

/** Runs axe on the page; returns the serious and critical violations (the ones a test refuses). */
export async function runAxe(page: Page, screen: string, artifacts: string): Promise<AxeReport> {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  // Evaluated through the DevTools protocol: a Content-Security-Policy cannot block it.
  await page.evaluate(axeSource);
  const results = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })",
  )) as AxeResults;
  writeFileSync(join(artifacts, `axe-${screen}.json`), JSON.stringify(results.violations, null, 2));
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  return { screen, blocking, all: results.violations };
}

export function describeViolations(report: AxeReport): string {
  return report.blocking
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n');
      return `[${violation.impact ?? '?'}] ${violation.id}: ${violation.help}\n${nodes}`;
    })
    .join('\n');
}

/** axe on the screen a device shows: a serious or critical violation fails the scenario, softly (it goes on). */
export async function expectAccessible(device: Device, screen: string, artifacts: string): Promise<void> {
  const report = await runAxe(device.page, `${device.name}-${screen}`, artifacts);
  expect.soft(report.blocking, `axe on « ${screen} » (${device.name}):\n${describeViolations(report)}`).toEqual([]);
}
