import { expect, type Page, test } from '@playwright/test';
import { configKeys } from '../src/core/config';
import { aDrawnPoint, readNumber, seriousAxeViolations, watchErrors } from './lab';

/**
 * Latin words a Chinese page rightly shows: proper names (methods, datasets, tools, file formats), units, key caps, the
 * backends' names and the link's own key names (config keys, quoted in notices as the link spells them).
 */
const allowedWords = new Set([
  'SimCLR', 'BYOL', 'SwAV', 'SimSiam', 'Barlow', 'Twins', 'VICReg', 'kNN', 'Fashion-MNIST', 'MNIST', 'PyTorch', 'WebGPU', 'WebGL', 'WebAssembly',
  'wasm', 'webgpu', 'webgl', 'cpu', 'GPU', 'BatchNorm', 'Sinkhorn', 'Sinkhorn-Knopp', 'NT-Xent', 'EMA', 'MLP', 'PCA', 'softmax',
  'von', 'Mises', 'Adam', 'SGD', 'NaN', 'ms', 'MB', 'KB', 'PNG', 'CSV', 'JSON', 'TSV', 'Projector', 'projector', 'tensorflow',
  'org', 'vectors', 'metadata', 'tsv', 'run', 'py', 'python', 'README', 'zip', 'ResNet', 'CIFAR-', 'Ctrl', 'Mac', 'Tab', 'Shift', 'Enter', 'Esc', 'L_align',
  'L_uniform', 'Wang', 'Isola', ...configKeys,
]);

/**
 * Every text a reader meets on the page: the visible text nodes, the names and hints of visible elements (aria-label,
 * title, placeholder, alt) and the options of visible selects. Text in an element marked as English (`lang="en"`:
 * the papers' citations, the language control's "English") is left out: it is English on purpose.
 */
function readableTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const english = (element: Element) => element.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ?? false;
    const shown = (element: Element) => element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) && !english(element);
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE', 'OPTION'].includes(parent.tagName) && shown(parent)) texts.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (!shown(element)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) texts.push(element.getAttribute(attribute) ?? '');
      if (element instanceof HTMLSelectElement) for (const option of element.options) if (!english(option)) texts.push(option.text);
    }
    return texts.filter((text) => text.trim() !== '');
  });
}

const latinWords = (text: string): string[] => text.match(/[A-Za-z][A-Za-z_-]*/g) ?? [];

/** The GPU's name as the browser reports it (the status line names the adapter the backend was chosen for). */
function gpuNameWords(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Adapter = { info?: { vendor?: string; architecture?: string; description?: string } };
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const info = (await gpu?.requestAdapter())?.info;
    return [info?.vendor, info?.architecture, info?.description].join(' ');
  }).then(latinWords);
}

/** The Latin words in `texts` that are not proper names, units or symbols (a single letter is a symbol: d, x, z, K). */
function englishWords(texts: string[], names: readonly string[]): string[] {
  const allowed = new Set([...allowedWords, ...names]);
  return [...new Set(texts.flatMap(latinWords).filter((word) => word.length > 1 && !allowed.has(word)))];
}

async function waitUntilReadyInChinese(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: '开始', exact: true }).or(page.getByRole('button', { name: '暂停', exact: true }))).toBeEnabled();
  await expect(page.getByTestId('backend')).not.toHaveText(/启动中/);
}

test('a page in 简体中文 shows no English: controls, figures, charts, notices, banners and lessons', async ({ page }) => {
  const errors = watchErrors(page);
  // A run that collapses (SimSiam without stop-gradient) and stops by itself, from a link with a bad value and own
  // images this browser does not have (two notices).
  await page.goto('/#v=1&method=simsiam&stopGrad=false&steps=150&seed=x&dataset=own&lang=zh-CN&autoplay=1');
  await waitUntilReadyInChinese(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('超球面实验室');
  const notices = page.getByRole('region', { name: '提示' });
  await expect(notices).toContainText('seed：“x”不是数字；保留 0。');
  await expect(notices).toContainText('这个实验用的是本地图像');
  await expect(page.getByTestId('run-note')).toHaveText('已完成：达到设定的 150 步。', { timeout: 200_000 });
  await expect(page.getByTestId('collapse-banner')).toContainText('坍缩');
  await expect.poll(() => readNumber(page, 'metric-knn-z')).toBeGreaterThan(0);
  const gpuName = await gpuNameWords(page);
  // Files that are not what they claim: their notices too.
  const notJson = { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,') };
  await page.getByLabel('导入设置').setInputFiles(notJson);
  await expect(notices).toContainText('该文件不是有效的 JSON。未导入任何内容。');
  await page.getByLabel('打开运行报告').setInputFiles({ ...notJson, buffer: Buffer.from('{"format":"其他"}') });
  await expect(notices).toContainText('该文件不是运行报告（它的格式是 "其他"）。未打开任何内容。');
  // The trained run: its figures, charts, banner, notice and run note.
  await page.getByText('数据增强', { exact: true }).click();
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/zh-CN.png`, fullPage: true });
  const trained = await readableTexts(page);
  expect(trained.length).toBeGreaterThan(100);
  expect(englishWords(trained, gpuName)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A point's card: its class and its neighbours'.
  await page.getByRole('switch', { name: '配对连线' }).click();
  const point = await aDrawnPoint(page.getByTestId('sphere-canvas'));
  await page.mouse.move(point.x, point.y);
  await expect(page.getByRole('tooltip')).toContainText('球面上最近的点');
  expect(englishWords(await readableTexts(page), gpuName)).toEqual([]);

  // The keyboard shortcuts' dialog.
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(dialog).toContainText('开始或暂停训练');
  expect(englishWords(await readableTexts(page), gpuName)).toEqual([]);
  await dialog.getByRole('button', { name: '关闭' }).click();

  // A lesson (opening one loads its first run, from step 0).
  await page.getByText('课程', { exact: true }).click();
  await page.getByRole('button', { name: 'SimSiam：停止梯度' }).click();
  await expect(page.getByRole('article', { name: 'SimSiam：停止梯度' })).toBeVisible();
  expect(englishWords(await readableTexts(page), gpuName)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a comparison in 简体中文 shows no English either', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&compare=stopGrad&method=simsiam&steps=20&lang=zh-CN&autoplay=1');
  await expect(page.getByRole('region', { name: '运行 A：停止梯度（开）' })).toBeVisible();
  await expect(page.getByRole('region', { name: '运行 B：停止梯度（关）' })).toBeVisible();
  await expect(page.getByTestId('run-note')).toHaveCount(2, { timeout: 200_000 });
  const texts = await readableTexts(page);
  expect(texts.length).toBeGreaterThan(50);
  expect(englishWords(texts, await gpuNameWords(page))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a lesson link with lang=zh-CN opens in 简体中文', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=swav&sinkhorn=false&lang=zh-CN');
  await waitUntilReadyInChinese(page);
  await page.getByText('课程', { exact: true }).click();
  await page.getByRole('button', { name: 'SwAV：用 Sinkhorn 平均分配' }).click();
  const lesson = page.getByRole('article', { name: 'SwAV：用 Sinkhorn 平均分配' });
  await expect(lesson).toContainText('观察要点');
  await expect(lesson).toContainText('Sinkhorn-Knopp 防止了这一点');
  // Opening a lesson loads its first run; its buttons say which run the settings are.
  await expect(lesson.getByRole('button', { name: '运行：有 Sinkhorn' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('方法')).toHaveValue('swav');
  await expect(page.getByRole('switch', { name: 'Sinkhorn' })).toBeChecked();
  // The link keeps the language as the settings change.
  await lesson.getByRole('button', { name: '运行：没有 Sinkhorn' }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&method=swav&sinkhorn=false&lang=zh-CN');
  expect(errors).toEqual([]);
});

test('“What uniformity buys” opens its three runs side by side in 简体中文, the lesson above them', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&lang=zh-CN');
  await waitUntilReadyInChinese(page);
  await page.getByText('课程', { exact: true }).click();
  await page.getByRole('button', { name: '均匀性带来什么：随机、有监督、对比' }).click();
  const lesson = page.getByRole('region', { name: '这些运行所属的课程' });
  await expect(lesson).toContainText('观察要点');
  await expect(lesson).toContainText('SimCLR 一个标签也没用');
  await expect(page.getByTestId('sphere-canvas')).toHaveCount(3);
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&compare=3&method=random&dim=2&B.method=supervised&C.method=simclr&lang=zh-CN');
  expect(englishWords(await readableTexts(page), await gpuNameWords(page))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the language control switches the page live and keeps the choice in the link', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#v=1&method=byol&seed=3');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '开始', exact: true })).toBeEnabled();
  await expect(page.getByRole('group', { name: '设置' }).or(page.locator('legend', { hasText: '设置' })).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '分享' })).toBeVisible();
  await expect(page.getByLabel('方法')).toHaveValue('byol');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('超球面实验室');
  expect(new URL(page.url()).hash).toBe('#v=1&method=byol&seed=3&lang=zh-CN');

  // A settings change rewrites the link; the language stays in it, and a reload opens in it.
  await page.getByLabel('种子').fill('4');
  await page.getByLabel('种子').press('Enter');
  await expect.poll(() => new URL(page.url()).hash).toBe('#v=1&method=byol&seed=4&lang=zh-CN');
  await page.reload();
  await expect(page.getByRole('button', { name: '开始', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '复制链接' })).toBeVisible();

  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
  await expect(page.getByRole('heading', { name: 'Share' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#v=1&method=byol&seed=4&lang=en');
  expect(errors).toEqual([]);
});
