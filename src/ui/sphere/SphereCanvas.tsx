/**
 * React owner of the SphereView: creates it on mount, feeds it the projection seed, disposes it on
 * unmount; shows the view's toolbar, the card of the point under the pointer, and the picture in words.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { PointCard } from '../components/PointCard';
import { SphereToolbar } from '../components/SphereToolbar';
import { useShownFigures } from '../history/hooks';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { describeSphere } from './sphereDescription';
import { type PointHover, SphereView } from './SphereView';

/** The picture in words, for screen readers: follows the shown snapshot (see sphereDescription.ts). */
function SphereSummary({ id }: { id: string }) {
  useMessages(); // the words follow the language
  const { live } = useLabContext();
  const { point } = useShownFigures();
  return (
    <p id={id} className="visually-hidden" data-testid="sphere-description">
      {describeSphere(point ?? null, live.count)}
    </p>
  );
}

export function SphereCanvas() {
  const m = useMessages();
  const { live, sphere, sphereOptions } = useLabContext();
  const seed = useLab((state) => state.config.seed);
  const containerRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<SphereView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [contextLost, setContextLost] = useState(false);
  const [hover, setHover] = useState<PointHover | null>(null);
  const summaryId = useId();
  const hintId = useId();
  const cardId = useId();

  useEffect(() => {
    let view: SphereView;
    try {
      view = new SphereView(containerRef.current!, live, sphereOptions, setHover, setFailure, setContextLost);
    } catch (err) {
      setFailure((err as Error).message);
      return undefined;
    }
    viewRef.current = view;
    sphere.view = view;
    return () => {
      if (sphere.view === view) sphere.view = null;
      view.dispose();
      viewRef.current = null;
      setHover(null);
      setContextLost(false);
    };
  }, [live, sphere, sphereOptions]);

  useEffect(() => viewRef.current?.setProjectionSeed(seed), [seed]);

  // Escape closes the card wherever the focus is (the pointer need not move).
  const showingCard = hover !== null;
  useEffect(() => {
    if (!showingCard) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') viewRef.current?.dismissHover();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [showingCard]);

  if (failure) {
    return (
      <div className="sphere-fallback">
        <p>{m.sphere.noWebgl({ failure })}</p>
      </div>
    );
  }
  return (
    <>
      <div
        ref={containerRef}
        className="sphere-canvas"
        tabIndex={0}
        role="application"
        aria-label={m.sphere.region}
        aria-describedby={`${summaryId} ${hintId}${hover ? ` ${cardId}` : ''}`}
      />
      <SphereSummary id={summaryId} />
      <p id={hintId} className="sphere-hint">
        {m.sphere.hint}
      </p>
      <SphereToolbar onResetView={() => viewRef.current?.resetCamera()} />
      {hover ? <PointCard id={cardId} hover={hover} /> : null}
      {contextLost ? (
        <p className="sphere-context-lost" role="status">
          {m.sphere.contextLost}
        </p>
      ) : null}
    </>
  );
}
