import { createContext, useContext } from 'react';
import { pageSettings, PageSettings } from '../../components/AppConfig/settings';

/** The app's settings, read once from the plugin meta by the App root (no data source outside it). */
export const SettingsContext = createContext<PageSettings>(pageSettings(undefined, () => undefined));

export const usePageSettings = () => useContext(SettingsContext);
