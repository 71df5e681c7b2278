public enum BudgetModule {}
