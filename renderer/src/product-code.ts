import { createContext, useContext } from 'react';

/** Whether lists show only the product's own code (the sidebar's toggle, kept in the settings), and how to change it. */
export const ProductCodeContext = createContext<{ only: boolean; setOnly: (only: boolean) => void }>({ only: false, setOnly: () => undefined });

export const useProductCode = () => useContext(ProductCodeContext);
