import { expect, test } from '@playwright/test';
import { seriousAxeViolations, watchErrors } from './lab';

// Every page mode in both languages: axe-core finds no serious or critical violation once the lab is ready.
for (const lang of ['en', 'zh-CN']) {
  for (const [mode, hash, spheres] of [
    ['main page', '', 1],
    ['compare mode', '&compare=stopGrad', 2],
    ['classroom mode', '&classroom=1', 1],
    ['embed mode', '&embed=1', 1],
  ] as const) {
    test(`axe-core: no serious or critical violation on the ${mode} in ${lang}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/#v=1&lang=${lang}${hash}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId('sphere-canvas')).toHaveCount(spheres);
      // Ready: the run's Start/Pause button can be pressed (its label is in the page's language).
      await expect(page.locator('button[aria-busy="false"]').first()).toBeEnabled({ timeout: 60_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}
