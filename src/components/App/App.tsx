import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { ROUTES } from '../../constants';

const Home = React.lazy(() => import('../../pages/Home'));

function App(_props: AppRootProps) {
  return (
    <Routes>
      <Route path={ROUTES.Home} element={<Home />} />
      <Route path="*" element={<Home />} />
    </Routes>
  );
}

export default App;
