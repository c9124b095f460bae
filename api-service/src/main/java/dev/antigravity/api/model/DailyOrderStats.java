package dev.antigravity.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Orders placed on one UTC day: how many, how many of them were cancelled, and the revenue of
 * those paid or shipped.
 */
public record DailyOrderStats(LocalDate day, long orders, long cancelled, BigDecimal revenue) {}
