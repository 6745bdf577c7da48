/**
 * "Your images": drop a folder (one sub-folder per class, or flat) or a .zip, or pick one; the import's summary
 * (images per class with thumbnails, the held-out split, skipped files and why) shows before training, with
 * "Forget my images". The images are decoded in the browser and never leave it.
 */
import { type DragEvent, useId, useState } from 'react';
import { OWN_DATASET } from '../../core/config';
import type { SkippedCount, SkippedFile } from '../../data/images/imageFolder';
import { skipReasonText } from '../language/tables';
import type { ImportSummary } from '../../data/images/importProtocol';
import type { TrainingData } from '../../data/datasetFormat';
import { PixelImage } from '../components/PixelImage';
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';
import { useHidden } from '../share/pageModeContext';
import { classColor } from '../sphere/palette';
import { sourceFromDrop, sourceFromFiles } from './dropSource';
import { forgetOwnImages, importOwnImages } from './ownImagesActions';
import { useOwnImages, useOwnImagesStore } from './ownImagesContext';
import type { OwnImages } from './ownImagesStore';

/** Thumbnails shown per class. */
const THUMBNAILS_PER_CLASS = 6;
const THUMBNAIL_PX = 36;

function SkippedSummary({ counts, files }: { counts: SkippedCount[]; files?: SkippedFile[] }) {
  const m = useMessages().ownImages;
  const total = counts.reduce((sum, { count: n }) => sum + n, 0);
  if (total === 0) return null;
  return (
    <div className="own-images-skipped" data-testid="own-images-skipped">
      <p className="panel-note">{m.skipped({ count: total })}</p>
      <ul>
        {counts.map(({ reason, count: n }) => (
          <li key={reason} data-reason={reason}>
            {m.skippedCount({ count: n, reason: skipReasonText(reason) })}
          </li>
        ))}
      </ul>
      {files && files.length > 0 ? (
        <details>
          <summary>{m.whichFiles}</summary>
          <ul className="own-images-skipped-files">
            {files.map(({ path, reason }) => (
              <li key={path}>
                <code>{path}</code>
                {m.skippedFile({ reason: skipReasonText(reason) })}
              </li>
            ))}
          </ul>
          {files.length < total ? <p className="panel-note">{m.moreFiles({ count: total - files.length })}</p> : null}
        </details>
      ) : null}
    </div>
  );
}

/** Each class with its count and its first few training images. */
function ClassThumbnails({ data, classes }: { data: TrainingData; classes: ImportSummary['classes'] }) {
  const m = useMessages().ownImages;
  const { train } = data;
  const area = train.channels * train.rows * train.cols;
  return (
    <ul className="own-images-classes" aria-label={m.perClass}>
      {classes.map(({ name, count: n }, label) => {
        const members: number[] = [];
        for (let i = 0; i < train.count && members.length < THUMBNAILS_PER_CLASS; i++) if (train.labels[i] === label) members.push(i);
        return (
          <li key={label}>
            <span className="swatch" style={{ backgroundColor: classColor(label) }} aria-hidden="true" />
            {m.classCount({ name, count: n })}
            <span className="own-images-row">
              {members.map((index) => (
                <PixelImage key={index} pixels={train.pixels} offset={index * area} size={train.rows} channels={train.channels} white={255} displaySize={THUMBNAIL_PX} label={m.thumbnail({ name })} />
              ))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Summary({ images }: { images: OwnImages }) {
  const m = useMessages().ownImages;
  const { summary, keptFromEarlier } = images;
  const total = summary.trainCount + summary.evalCount;
  return (
    <div className="own-images-summary" data-testid="own-images-summary">
      <p>
        <strong>{summary.source}</strong>
        {m.summary({ total, classes: summary.labelled ? summary.classes.length : null, train: summary.trainCount, held: summary.evalCount })}
        {keptFromEarlier ? m.kept : ''}
      </p>
      <p className="panel-note" data-testid="own-images-colour">
        {m.colour({ channels: summary.channels, grey: summary.greyCount, total })}
      </p>
      {summary.labelled ? null : (
        <p className="panel-note">{m.unlabelled}</p>
      )}
      {summary.grouped.length > 0 ? (
        <p className="panel-note">{m.grouped({ own: summary.classes.length - 1, names: summary.grouped.join(', ') })}</p>
      ) : null}
      <ClassThumbnails data={images.data} classes={summary.classes} />
      <SkippedSummary counts={summary.skippedCounts} files={summary.skipped} />
    </div>
  );
}

export function OwnImagesPanel() {
  const m = useMessages().ownImages;
  const store = useOwnImagesStore();
  const images = useOwnImages((state) => state.images);
  const importing = useOwnImages((state) => state.importing);
  const problem = useOwnImages((state) => state.problem);
  const storageNote = useOwnImages((state) => state.storageNote);
  const onOwnImages = useLab((state) => state.config.dataset === OWN_DATASET);
  const [dragging, setDragging] = useState(false);
  const headingId = useId();
  // A page that hides the dataset choice (hide=dataset) offers no other images either.
  const datasetHidden = useHidden('dataset');
  if (datasetHidden) return null;

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    // The drop's items can only be read during the event: sourceFromDrop takes them before its first await.
    void sourceFromDrop(event.dataTransfer).then((source) => source && importOwnImages(store, source));
  };
  const onPick = (files: FileList | null, input: HTMLInputElement): void => {
    const source = files ? sourceFromFiles(files) : null;
    // Cleared so that picking the same folder again imports it again.
    input.value = '';
    if (source) void importOwnImages(store, source);
  };
  const busy = importing !== null;

  return (
    <section className="panel own-images-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p className="panel-note">{m.intro}</p>
      <div
        className={`own-images-drop${dragging ? ' own-images-drop-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{m.drop}</span>
        <label className={`file-button${busy ? ' file-button-disabled' : ''}`}>
          {m.chooseFolder}
          {/* webkitdirectory is not in React's typings; the attribute picks a whole folder. */}
          <input type="file" className="visually-hidden" disabled={busy} {...{ webkitdirectory: '' }} multiple onChange={(event) => onPick(event.target.files, event.target)} />
        </label>
        <label className={`file-button${busy ? ' file-button-disabled' : ''}`}>
          {m.chooseZip}
          <input type="file" className="visually-hidden" disabled={busy} accept=".zip,application/zip" onChange={(event) => onPick(event.target.files, event.target)} />
        </label>
      </div>
      <p className="panel-note" role="status" data-testid="own-images-status">
        {importing ? (importing.total === 0 ? m.reading : m.decoding(importing)) : ''}
      </p>
      {problem ? (
        <div className="own-images-problem" role="alert">
          <p>{problem.message}</p>
          <SkippedSummary counts={problem.skippedCounts} />
        </div>
      ) : null}
      {images ? (
        <>
          <Summary images={images} />
          <p className="panel-note">
            {onOwnImages ? m.training : m.chooseThem}
          </p>
          <button type="button" onClick={() => void forgetOwnImages(store)} disabled={busy}>
            {m.forget}
          </button>
        </>
      ) : null}
      {storageNote ? <p className="panel-note">{storageNote}</p> : null}
    </section>
  );
}
