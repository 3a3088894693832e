/**
 * The modal an extension opens with helpers.openModal: Grafana renders the body in a Modal with
 * the given title and hands it onDismiss (utils.ts createOpenModalFunction).
 */
import React, { useEffect, useState } from 'react';
import { Modal } from '@grafana/ui';
import type { PluginExtensionOpenModalOptions } from '@grafana/data';

type Listener = (m: PluginExtensionOpenModalOptions | undefined) => void;
const listeners = new Set<Listener>();

export function openModal(options: PluginExtensionOpenModalOptions): void {
  listeners.forEach((l) => l(options));
}

export function ExtensionModalHost() {
  const [modal, setModal] = useState<PluginExtensionOpenModalOptions>();
  useEffect(() => {
    listeners.add(setModal);
    return () => {
      listeners.delete(setModal);
    };
  }, []);
  if (!modal) {
    return null;
  }
  const Body = modal.body;
  const onDismiss = () => setModal(undefined);
  return (
    <Modal title={modal.title} isOpen onDismiss={onDismiss}>
      <Body onDismiss={onDismiss} />
    </Modal>
  );
}
